package dev.runlens.ui.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectTest {
    @TempDir
    Path dir;

    @Test
    void recentConnectionsNeverHoldATypedToken() throws Exception {
        RecentConnections recent = new RecentConnections(dir.resolve("runlens/recent-connections.json"));
        ConnectViewModel vm = new ConnectViewModel(recent.load());
        vm.urlProperty().set("wss://dev-api.spaceoperator.com/ws");
        vm.runIdsProperty().set("b4e5edc0-6d59-4db2-9eb0-2380906e461c, 6513270e-269e-4d37-b2a7-4de452e6b438");
        vm.tokenModeProperty().set(ConnectViewModel.TokenMode.TYPED);
        vm.typedTokenProperty().set("b3-super-secret-token");
        assertTrue(vm.validProperty().get());
        ConnectionSettings s = vm.settings();
        assertEquals("b3-super-secret-token", new String(s.token().resolve(java.util.Map.of())));
        assertFalse(s.toString().contains("super-secret"));
        recent.remember(s);
        String file = Files.readString(recent.file());
        assertFalse(file.contains("super-secret"));
        List<ConnectionSettings> loaded = recent.load();
        assertEquals(1, loaded.size());
        assertEquals(List.of("b4e5edc0-6d59-4db2-9eb0-2380906e461c", "6513270e-269e-4d37-b2a7-4de452e6b438"), loaded.get(0).runIds());
        assertTrue(loaded.get(0).token() instanceof TokenSource.None);
    }

    @Test
    void anEnvironmentVariableIsRememberedByName() throws Exception {
        RecentConnections recent = new RecentConnections(dir.resolve("recent.json"));
        recent.remember(new ConnectionSettings("wss://lao-socket.studio.lyzr.ai", ProtocolOption.LYZR,
                new TokenSource.EnvVar("LYZR_KEY"), List.of(), "Customer Support", "run 1"));
        ConnectionSettings s = recent.load().get(0);
        assertEquals(new TokenSource.EnvVar("LYZR_KEY"), s.token());
        assertEquals("wss://lao-socket.studio.lyzr.ai/ws/Customer%20Support/run%201", s.uri().toString());
        ConnectViewModel vm = new ConnectViewModel(List.of(s));
        vm.apply(s);
        assertEquals(ProtocolOption.LYZR, vm.protocolProperty().get());
        assertEquals("LYZR_KEY", vm.tokenEnvProperty().get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void validationSaysWhatIsMissing() {
        ConnectViewModel vm = new ConnectViewModel(List.of());
        assertEquals("Enter at least one flow_run_id", vm.problemProperty().get());
        vm.runIdsProperty().set("abc");
        assertTrue(vm.validProperty().get());
        vm.urlProperty().set("http://example.com/ws");
        assertEquals("The URL must start with ws:// or wss://", vm.problemProperty().get());
        vm.urlProperty().set("ws://user:pw@example.com/ws");
        assertEquals("Put credentials in the token field, not in the URL", vm.problemProperty().get());
        vm.urlProperty().set("ws://example.com/ws");
        vm.protocolProperty().set(ProtocolOption.LYZR);
        assertEquals("Lyzr needs a flow name and a run name", vm.problemProperty().get());
        vm.lyzrFlowProperty().set("flow");
        vm.lyzrRunProperty().set("run");
        vm.tokenModeProperty().set(ConnectViewModel.TokenMode.ENV);
        vm.tokenEnvProperty().set("NOT A NAME");
        assertEquals("An environment variable name has letters, digits and _ only", vm.problemProperty().get());
    }

    @Test
    void onlyATokenOverPlainWsToARemoteHostNeedsConsent() {
        ConnectViewModel vm = new ConnectViewModel(List.of());
        vm.runIdsProperty().set("b4e5edc0-6d59-4db2-9eb0-2380906e461c");
        vm.tokenModeProperty().set(ConnectViewModel.TokenMode.TYPED);
        vm.typedTokenProperty().set("b3-typed");
        vm.urlProperty().set("ws://192.0.2.10:8080/ws");
        assertTrue(vm.tokenTravelsInClear());
        vm.urlProperty().set("ws://ops.example.com/ws");
        assertTrue(vm.tokenTravelsInClear(), "a name other than localhost counts as remote, without asking DNS");
        for (String local : List.of("ws://127.0.0.1:8080/ws", "ws://localhost/ws", "ws://[::1]:9000/ws", "ws://127.5.6.7/ws")) {
            vm.urlProperty().set(local);
            assertFalse(vm.tokenTravelsInClear(), local);
        }
        vm.urlProperty().set("wss://192.0.2.10/ws");
        assertFalse(vm.tokenTravelsInClear(), "wss is encrypted");
        vm.urlProperty().set("ws://192.0.2.10/ws");
        vm.tokenModeProperty().set(ConnectViewModel.TokenMode.NONE);
        assertFalse(vm.tokenTravelsInClear(), "no token");
        vm.tokenModeProperty().set(ConnectViewModel.TokenMode.ENV);
        assertTrue(vm.tokenTravelsInClear(), "a token from the environment");
        vm.protocolProperty().set(ProtocolOption.LYZR);
        vm.lyzrFlowProperty().set("Customer Support Pipeline");
        vm.lyzrRunProperty().set("run-1");
        assertFalse(vm.tokenTravelsInClear(), "Lyzr sends no token on its socket");
    }
}
