package org.ahibridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The long-running service: Spring Boot with Camel, routes loaded from {@code routes/}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AhiBridgeApplication {

    public static void run(String[] args) {
        SpringApplication.run(AhiBridgeApplication.class, args);
    }
}
