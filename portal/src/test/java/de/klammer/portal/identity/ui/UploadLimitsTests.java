package de.klammer.portal.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/**
 * Checks the upload limits that the server enforces, whatever the browser checks. Vaadin's upload request handling
 * (TransferUtil.validateUploadLimits in flow-server 25.2.5) rejects a file above the handler's limits. The servlet
 * container rejects a multipart request above the configured maximum before Vaadin reads it.
 */
class UploadLimitsTests {

    @Test
    void csrUploadHandlerLimitsSizeAndCount() {
        InMemoryUploadHandler handler = LedgerIdentityDetailsView.csrUploadHandler((metadata, bytes) -> {});

        assertThat(handler.getFileSizeMax()).isEqualTo(LedgerIdentityDetailsView.MAX_CSR_BYTES);
        assertThat(handler.getFileCountMax()).isEqualTo(1);
    }

    @Test
    void limitsMultipartRequestsToFiveMegabytes() throws IOException {
        List<PropertySource<?>> sources =
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));

        MultipartProperties multipart =
                binder.bind("spring.servlet.multipart", MultipartProperties.class).orElseGet(MultipartProperties::new);

        assertThat(multipart.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(5));
        assertThat(multipart.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(5));
    }
}
