package org.hypomag.bench.peer;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The definitions class of HAPI's {@code CdsHooksContextBooter}: the module starts it as a separate child
 * application context and reads the bean named {@code cdsServices}, whose objects' {@code @CdsService} methods
 * become the services.
 */
@Configuration
public class PeerServices {

    @Bean
    public List<Object> cdsServices() {
        return List.of(new HypomagnesemiaPatientView());
    }
}
