package org.ahibridge.emulator.ahi;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Input checks against the patterns and ranges of the service model (docs/aws-healthimaging.md §1.5). */
public final class Validate {

    public static final Pattern ID = Pattern.compile("[0-9a-z]{32}");
    public static final Pattern JOB_ID = Pattern.compile("[0-9a-z]{1,32}");
    public static final Pattern CLIENT_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9._/#-]{1,64}");
    public static final Pattern DATASTORE_NAME = Pattern.compile("[A-Za-z0-9._/#-]{1,256}");
    public static final Pattern S3_URI = Pattern.compile("s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?");
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[^:]+)?:iam::[0-9]{12}:role/.+");
    public static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    public static final Pattern VERSION_ID = Pattern.compile("\\d+");
    public static final Pattern KMS_ARN = Pattern.compile("arn:aws[a-zA-Z-]{0,16}:kms:[a-z]{2}(-[a-z]{1,16}){1,3}-\\d{1}:\\d{12}:((key/[a-zA-Z0-9-]{36})|(alias/[a-zA-Z0-9-_/]{1,256}))");

    private Validate() {
    }

    /** A required string member or parameter matching a pattern. */
    public static String required(String name, String value, Pattern pattern) {
        if (value == null) {
            throw AhiError.validation("Missing required parameter " + name);
        }
        return matching(name, value, pattern);
    }

    /** An optional value: null passes, anything else must match. */
    public static String optional(String name, String value, Pattern pattern) {
        return value == null ? null : matching(name, value, pattern);
    }

    private static String matching(String name, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw AhiError.validation("1 validation error detected: Value at '" + name
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern);
        }
        return value;
    }

    /** A textual JSON member, or null when absent; a non-string value is a ValidationException. */
    public static String text(JsonNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw AhiError.validation("Member " + member + " must be a string");
        }
        return value.asText();
    }

    /** maxResults in 1..50 (default 50 when absent). */
    public static int maxResults(String value) {
        if (value == null) {
            return 50;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 50) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AhiError.validation("1 validation error detected: Value '" + value
                + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 50");
    }
}
