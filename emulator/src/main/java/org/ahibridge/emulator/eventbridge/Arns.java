package org.ahibridge.emulator.eventbridge;

/**
 * ARN formats of EventBridge buses and rules and of SQS queues.
 *
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html">Resource types defined by Amazon EventBridge</a>
 */
final class Arns {

    private Arns() {
    }

    static String bus(String region, String account, String bus) {
        return "arn:aws:events:" + region + ":" + account + ":event-bus/" + bus;
    }

    static String rule(String region, String account, String bus, String rule) {
        String path = "default".equals(bus) ? rule : bus + "/" + rule;
        return "arn:aws:events:" + region + ":" + account + ":rule/" + path;
    }

    /** The bus name in a bus name or bus ARN. */
    static String busName(String nameOrArn) {
        int at = nameOrArn.indexOf(":event-bus/");
        return nameOrArn.startsWith("arn:") && at > 0 ? nameOrArn.substring(at + ":event-bus/".length()) : nameOrArn;
    }

    /** The queue name of {@code arn:aws:sqs:region:account:name}, or null when the ARN is not an SQS queue's. */
    static String sqsQueueName(String arn) {
        String[] parts = arn.split(":", -1);
        boolean sqs = parts.length == 6 && parts[0].equals("arn") && parts[1].startsWith("aws") && parts[2].equals("sqs");
        return sqs && !parts[5].isEmpty() && parts[5].matches("[\\w-]{1,80}(\\.fifo)?") ? parts[5] : null;
    }
}
