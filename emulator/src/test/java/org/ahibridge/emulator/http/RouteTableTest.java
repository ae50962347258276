package org.ahibridge.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable<String> table = new RouteTable<String>()
            .add("GET", "/datastore/{datastoreId}", "GetDatastore", "get")
            .add("DELETE", "/datastore/{datastoreId}", "DeleteDatastore", "delete")
            .add("POST", "/datastore/{datastoreId}/imageSet/{imageSetId}/getImageFrame", "GetImageFrame", "frame");

    @Test
    void matchesTheMethodAndDecodesPathParametersKeepingPlusSigns() {
        RouteTable.Match<String> match = table.match("POST", "/datastore/ds%2F1/imageSet/a+b/getImageFrame");

        assertThat(match.operation()).isEqualTo("GetImageFrame");
        assertThat(match.handler()).isEqualTo("frame");
        assertThat(match.path()).containsExactly(Map.entry("datastoreId", "ds/1"), Map.entry("imageSetId", "a+b"));
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405AndAnUnknownPathIsNull() {
        assertThat(table.match("PUT", "/datastore/x").operation()).isNull();
        assertThat(table.match("GET", "/datastore/x/other")).isNull();
        assertThat(table.match("GET", "/datastore/x/")).isNull();
    }

    @Test
    void aBrokenEscapeInThePathIsRefused() {
        assertThatThrownBy(() -> table.match("GET", "/datastore/%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryParametersAreDecodedInOrderWithRepeatsAndEmptyPairsSkipped() {
        assertThat(RequestParts.query("a=1&&b=x+y&a=%2F&flag")).containsExactly(
                Map.entry("a", List.of("1", "/")), Map.entry("b", List.of("x y")), Map.entry("flag", List.of("")));
        assertThat(RequestParts.query(null)).isEmpty();
        assertThatThrownBy(() -> RequestParts.query("a=%zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
