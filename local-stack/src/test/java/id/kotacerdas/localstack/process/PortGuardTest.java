package id.kotacerdas.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import id.kotacerdas.localstack.FreePorts;

class PortGuardTest {

    @Test
    void aPortInUseIsDetectedAndTheMessageNamesThePartAndTheProcessHoldingIt() throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = holder.getLocalPort();

            assertThat(PortGuard.isFree(port)).isFalse();
            assertThat(PortGuard.conflictMessage("the MongoDB-wire store", port))
                    .contains("port " + port)
                    .contains("the MongoDB-wire store")
                    .contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aPortNobodyListensOnIsFree() {
        assertThat(PortGuard.isFree(FreePorts.next())).isTrue();
    }
}
