package org.hypomag.cds.system;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;

/**
 * The service speaks JSON over HTTP. jackson-dataformat-yaml is on the classpath only to read the knowledge
 * files; without this, Spring would register a YAML converter and answer {@code Accept: application/yaml}.
 */
@Configuration(proxyBeanMethods = false)
class HttpConvertersConfig {

    @Bean
    ServerHttpMessageConvertersCustomizer noYamlOverHttp() {
        return builder -> builder.configureMessageConvertersList(
                list -> list.removeIf(c -> c instanceof JacksonYamlHttpMessageConverter));
    }
}
