package de.klammer.portal.concept.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConceptImportUploadTests {

    @Test
    void decodesUtf8WithoutByteOrderMark() {
        byte[] withMark = "\uFEFFrole,name\nprüfer,Prüfung\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ConceptImportView.decodeUtf8(withMark)).isEqualTo("role,name\nprüfer,Prüfung\n");
    }

    @Test
    void rejectsLatin1AndBinaryBytes() {
        byte[] latin1 = "prüfer,Prüfung".getBytes(StandardCharsets.ISO_8859_1);
        byte[] binary = {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF};

        assertThat(ConceptImportView.decodeUtf8(latin1)).as("Latin-1 text").isNull();
        assertThat(ConceptImportView.decodeUtf8(binary)).as("binary bytes").isNull();
    }
}
