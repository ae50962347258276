package org.ahibridge.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void shouldDecodeAttributeTagsAsPairsOfWords() {
        byte[] twoTags = {0x18, 0x00, 0x63, 0x10, 0x28, 0x00, 0x08, 0x00};

        assertThat(Values.decode(VR.AT, twoTags, StandardCharsets.US_ASCII)).containsExactly("00181063", "00280008");
    }

    @Test
    void shouldIgnoreATrailingPartialAttributeTagInsteadOfReadingPastTheEnd() {
        byte[] oneAndAHalf = {0x18, 0x00, 0x63, 0x10, 0x28, 0x00};

        assertThat(Values.decode(VR.AT, oneAndAHalf, StandardCharsets.US_ASCII)).containsExactly("00181063");
    }
}
