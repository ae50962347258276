package org.ahibridge.camel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the {@code p10Classifier} bean ({@code ahibridge.p10.*}).
 *
 * @param maxHeaderBytes objects whose header does not reach Pixel Data within this size are
 *                       {@code HEADER_TOO_LARGE}
 * @param maxDepth       deeper sequence nesting is {@code MALFORMED}
 */
@ConfigurationProperties("ahibridge.p10")
public record P10Properties(@DefaultValue("16MB") DataSize maxHeaderBytes, @DefaultValue("16") int maxDepth) {
}
