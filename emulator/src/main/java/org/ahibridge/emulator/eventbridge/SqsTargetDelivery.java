package org.ahibridge.emulator.eventbridge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends matched events to SQS queue targets, one at a time and in order, off the caller's thread (as
 * EventBridge delivers after PutEvents has answered). The message body is the event JSON, or what the
 * target's Input / InputPath makes of it. A failed delivery is logged by rule, target and queue name
 * (never the event) and dropped: EventBridge's retries and dead-letter queues are not emulated.
 */
final class SqsTargetDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsTargetDelivery.class);

    private final SqsClient sqs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eventbridge-delivery");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    SqsTargetDelivery(SqsClient sqs) {
        this.sqs = sqs;
    }

    void deliver(Rule rule, JsonNode target, JsonNode event) {
        try {
            worker.execute(() -> send(rule, target, event));
        } catch (RuntimeException e) {
            LOG.warn("Event for rule {} target {} dropped: delivery has stopped", rule.name(), target.path("Id").asText());
        }
    }

    private void send(Rule rule, JsonNode target, JsonNode event) {
        String queue = Arns.sqsQueueName(target.path("Arn").asText());
        if (sqs == null) {
            LOG.warn("Event for rule {} target {} dropped: no SQS server configured", rule.name(), target.path("Id").asText());
            return;
        }
        try {
            String body = body(target, event);
            if (body == null) {
                return;
            }
            SendMessageRequest.Builder message = SendMessageRequest.builder().messageBody(body);
            JsonNode groupId = target.path("SqsParameters").path("MessageGroupId");
            if (groupId.isTextual()) {
                message.messageGroupId(groupId.asText()).messageDeduplicationId(event.path("id").asText());
            }
            try {
                sqs.sendMessage(message.queueUrl(queueUrl(queue)).build());
            } catch (QueueDoesNotExistException e) {
                // The queue may have been deleted and created again since its URL was looked up.
                queueUrls.remove(queue);
                sqs.sendMessage(message.queueUrl(queueUrl(queue)).build());
            }
        } catch (RuntimeException e) {
            LOG.warn("Event for rule {} target {} not delivered to queue {}: {}", rule.name(),
                    target.path("Id").asText(), queue, e.getClass().getSimpleName());
        }
    }

    private String queueUrl(String queue) {
        return queueUrls.computeIfAbsent(queue, name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
    }

    private static String body(JsonNode target, JsonNode event) {
        if (target.hasNonNull("Input")) {
            return target.get("Input").asText();
        }
        if (target.hasNonNull("InputPath")) {
            JsonNode selected = InputPath.select(event, target.get("InputPath").asText());
            // EventBridge sends nothing when the path selects nothing.
            return selected == null ? null : selected.isTextual() ? selected.asText() : selected.toString();
        }
        return event.toString();
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
