package org.ahibridge.camel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.Objects;

import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.dicom.p10.P10Verdict;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;
import org.apache.camel.component.file.GenericFile;

/**
 * The {@code p10Classifier} bean of routes: classifies the message body (byte[], File, Path, a file
 * consumer's GenericFile, a stream cache or any InputStream) with {@link P10Classifier} and sets the
 * {@link P10Headers} and the {@link P10Headers#VERDICT_PROPERTY} property. A plain InputStream body is
 * replaced by one that replays the header bytes read and then continues, so the body stays usable
 * downstream; its size comes from {@code CamelFileLength}, {@code CamelAwsS3ContentLength} or
 * {@code Content-Length} when present. It never logs: headers carry patient identifiers.
 */
public final class P10ClassifierProcessor implements Processor {

    private static final String[] SIZE_HEADERS = {Exchange.FILE_LENGTH, "CamelAwsS3ContentLength",
        Exchange.CONTENT_LENGTH};

    private final P10Classifier classifier;

    public P10ClassifierProcessor(P10Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public void process(Exchange exchange) throws IOException, InvalidPayloadException {
        Message message = exchange.getMessage();
        P10Verdict verdict = classify(message);
        exchange.setProperty(P10Headers.VERDICT_PROPERTY, verdict);
        P10HeaderWriter.write(message, verdict);
    }

    private P10Verdict classify(Message message) throws IOException, InvalidPayloadException {
        Object body = message.getBody();
        if (body instanceof byte[] bytes) {
            return classifier.classify(new ByteArrayInputStream(bytes), bytes.length);
        }
        if (body instanceof Path path) {
            return classifier.classify(path);
        }
        if (body instanceof File file) {
            return classifier.classify(file.toPath());
        }
        if (body instanceof GenericFile<?> generic && generic.getFile() instanceof File file) {
            return classifier.classify(file.toPath());
        }
        if (body instanceof StreamCache cache && body instanceof InputStream stream) {
            cache.reset();
            try {
                return classifier.classify(stream, sizeOf(message));
            } finally {
                cache.reset();
            }
        }
        InputStream stream = body instanceof InputStream in ? in : message.getMandatoryBody(InputStream.class);
        ByteArrayOutputStream consumed = new ByteArrayOutputStream();
        P10Verdict verdict = classifier.classify(new Recording(stream, consumed), sizeOf(message));
        message.setBody(new SequenceInputStream(new ByteArrayInputStream(consumed.toByteArray()), stream));
        return verdict;
    }

    private static long sizeOf(Message message) {
        for (String header : SIZE_HEADERS) {
            Long size = message.getHeader(header, Long.class);
            if (size != null && size >= 0) {
                return size;
            }
        }
        return -1;
    }

    /** Keeps a copy of what the classifier pulls (the header: bounded by its maximum size). */
    private static final class Recording extends FilterInputStream {
        private final ByteArrayOutputStream copy;

        Recording(InputStream in, ByteArrayOutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)]);
        }
    }
}
