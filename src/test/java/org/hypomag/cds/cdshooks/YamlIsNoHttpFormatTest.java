package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
    HttpCalls http;

    @BeforeEach
    void setUp() {
        http = new HttpCalls(port);
    }

    @Test
    void noYamlConverterIsRegisteredForHttp() {
        assertThat(mvc.getMessageConverters()).noneMatch(c -> c instanceof JacksonYamlHttpMessageConverter);
    }

    @Test
    void discoveryWithYamlAccept_is406InJson() {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/cds-services")).header("Accept", "application/yaml").GET());
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(HttpCalls.errorCode(r)).isEqualTo("CDS-406-ACCEPT");
    }

    @Test
    void hookCallWithYamlAccept_is406InJson() {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/cds-services/hypomagnesemia-patient-view")).header("Accept", "application/yaml")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(HttpCalls.errorCode(r)).isEqualTo("CDS-406-ACCEPT");
    }

    @Test
    void errorPreferringYaml_isStillWrittenAsJson() {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/cds-services/no-such-service/feedback")).header("Accept", "application/yaml, */*;q=0.1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.headers().firstValue("Content-Type").orElse("")).doesNotContain("yaml");
        assertThat(r.body()).doesNotStartWith("---");
    }
}
