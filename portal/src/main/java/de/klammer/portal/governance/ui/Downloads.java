package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/** Download links whose content is built when the link is followed, in the request of the signed-in user. */
final class Downloads {

    static final String PDF = "application/pdf";
    static final String CSV = "text/csv; charset=UTF-8";

    private Downloads() {}

    static Anchor link(String id, String text, String fileName, String contentType, SerializableSupplier<byte[]> content) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        });
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, text);
        anchor.setId(id);
        return anchor;
    }
}
