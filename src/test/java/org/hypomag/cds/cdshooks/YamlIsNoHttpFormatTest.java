package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;


import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * jackson-dataformat-yaml is on the classpath to read the knowledge files; Spring would then also answer
 * {@code Accept: application/yaml}. The CDS endpoints speak JSON only: a YAML Accept gets 406 CDS-406-ACCEPT, and
 * no error body is ever written as YAML. Same properties as ProtocolTest, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.http.cors-allowed-origins=http://127.0.0.1:8081"})
class YamlIsNoHttpFormatTest {

    @LocalServerPort
    int port;
    @Autowired
    RequestMappingHandlerAdapter mvc;
    Http http;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
    }

    @Test
    void noYamlConverterIsRegisteredForHttp() {
        assertThat(mvc.getMessageConverters()).noneMatch(c -> c instanceof JacksonYamlHttpMessageConverter);
    }

    @Test
    void discoveryWithYamlAccept_is406InJson() {
        Http.Answer r = http.get("/cds-services").accept("application/yaml").send();
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.errorCode()).isEqualTo("CDS-406-ACCEPT");
    }

    @Test
    void hookCallWithYamlAccept_is406InJson() {
        Http.Answer r = http.post("/cds-services/hypomagnesemia-patient-view", "{}").accept("application/yaml").send();
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.errorCode()).isEqualTo("CDS-406-ACCEPT");
    }

    @Test
    void errorPreferringYaml_isStillWrittenAsJson() {
        Http.Answer r = http.post("/cds-services/no-such-service/feedback", "{}").accept("application/yaml, */*;q=0.1")
                .send();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).doesNotContain("yaml");
        assertThat(r.body()).doesNotStartWith("---");
    }
}
