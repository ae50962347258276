package org.ahibridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"camel.main.run-controller=false", "ahibridge.embedded.enabled=false"})
class AhiBridgeApplicationTest {

    @Autowired
    CamelContext camelContext;

    @Test
    void shouldStartCamelWithTheShippedRouteConfiguration() {
        assertThat(camelContext.getStatus().isStarted()).isTrue();
        assertThat(((org.apache.camel.model.ModelCamelContext) camelContext)
                .getRouteConfigurationDefinitions())
                .extracting(definition -> definition.getId())
                .contains("default-errors");
    }
}
