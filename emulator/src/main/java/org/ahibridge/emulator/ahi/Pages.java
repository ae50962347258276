package org.ahibridge.emulator.ahi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * maxResults / nextToken pagination (docs/aws-healthimaging.md §1.4). The token is an opaque base64 of the offset and
 * the operation, so a token from another listing is rejected with ValidationException.
 */
public final class Pages {

    /** One page and the token for the next one (null at the end). */
    public record Page<T>(List<T> items, String nextToken) {
    }

    private Pages() {
    }

    public static <T> Page<T> page(List<T> all, String nextToken, String maxResults, String scope) {
        int size = Validate.maxResults(maxResults);
        int offset = offset(nextToken, scope);
        int end = Math.min(all.size(), offset + size);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        String next = end < all.size() ? token(end, scope) : null;
        return new Page<>(items, next);
    }

    private static String token(int offset, String scope) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scope + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String scope) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(scope + ":")) {
                return Integer.parseInt(text.substring(scope.length() + 1));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw AhiError.validation("Invalid nextToken");
    }
}
