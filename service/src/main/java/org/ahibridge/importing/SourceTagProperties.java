package org.ahibridge.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ahibridge.import.tag-source-objects}: also write each classified object's P10 verdict as tags on
 * the source object (docs/design.md §1 step 2). Off by default: tagging writes to the source, so the source
 * must be registered {@code read-write}.
 */
@ConfigurationProperties("ahibridge.import")
public record SourceTagProperties(@DefaultValue("false") boolean tagSourceObjects) {
}
