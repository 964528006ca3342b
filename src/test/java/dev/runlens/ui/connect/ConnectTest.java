package dev.runlens.ui.connect;

import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.ConnectionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void aRecentConnectionsProtocolIsReadByIdOrConstantNameInAnyCase() throws Exception {
        Path file = dir.resolve("recent.json");
        Files.writeString(file, "{\"connections\":[{\"url\":\"ws://a/ws\",\"protocol\":\"space-operator-v1\"},"
                + "{\"url\":\"ws://b/ws\",\"protocol\":\"SPACE_OPERATOR\"},{\"url\":\"ws://c/ws\",\"protocol\":\"Lyzr\"},"
                + "{\"url\":\"ws://d/ws\",\"protocol\":\"carrier-pigeon\"}]}");
        assertEquals(List.of(ProtocolChoice.SPACE_OPERATOR_V1, ProtocolChoice.SPACE_OPERATOR, ProtocolChoice.LYZR, ProtocolChoice.AUTO),
                new RecentConnections(file).load().stream().map(ConnectionSettings::protocol).toList());
    }

    @Test
    void anEnvironmentVariableIsRememberedByName() throws Exception {
        RecentConnections recent = new RecentConnections(dir.resolve("recent.json"));
        recent.remember(new ConnectionSettings("wss://lao-socket.studio.lyzr.ai", ProtocolChoice.LYZR,
                new TokenSource.EnvVar("LYZR_KEY"), List.of(), "Customer Support", "run 1"));
        ConnectionSettings s = recent.load().get(0);
        assertEquals(new TokenSource.EnvVar("LYZR_KEY"), s.token());
        assertEquals("wss://lao-socket.studio.lyzr.ai/ws/Customer%20Support/run%201", s.uri().toString());
        ConnectViewModel vm = new ConnectViewModel(List.of(s));
        vm.apply(s);
        assertEquals(ProtocolChoice.LYZR, vm.protocolProperty().get());
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
        vm.protocolProperty().set(ProtocolChoice.LYZR);
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
        vm.protocolProperty().set(ProtocolChoice.LYZR);
        vm.lyzrFlowProperty().set("Customer Support Pipeline");
        vm.lyzrRunProperty().set("run-1");
        assertFalse(vm.tokenTravelsInClear(), "Lyzr sends no token on its socket");
    }

    private static ConnectViewModel lyzrDialog(String url) {
        ConnectViewModel vm = new ConnectViewModel(List.of());
        vm.urlProperty().set(url);
        vm.protocolProperty().set(ProtocolChoice.LYZR);
        vm.tokenModeProperty().set(ConnectViewModel.TokenMode.NONE);
        vm.lyzrFlowProperty().set("Customer Support Pipeline");
        vm.lyzrRunProperty().set("run-1");
        return vm;
    }

    @Test
    void lyzrTaskIdAndTypedKeyReachTheRequestAndTheKeyIsNeverKept() throws Exception {
        ConnectViewModel vm = lyzrDialog("wss://lao-socket.studio.lyzr.ai");
        vm.lyzrTaskIdProperty().set(" 7f1c-task ");
        vm.lyzrKeyModeProperty().set(ConnectViewModel.KeyMode.TYPED);
        assertEquals("Type the Lyzr API key, or leave the task id empty", vm.problemProperty().get());
        vm.typedLyzrKeyProperty().set("sk-lyzr-typed-secret");
        assertTrue(vm.validProperty().get(), vm.problemProperty()::get);
        ConnectionSettings s = vm.settings();
        vm.clearToken();
        assertEquals("", vm.typedLyzrKeyProperty().get());
        ConnectionRequest.Builder b = ConnectionRequest.builder(s.uri());
        s.lyzrReconcile().applyTo(b, Map.of());
        ConnectionRequest request = b.build();
        assertEquals("7f1c-task", request.lyzrTaskId());
        assertEquals("sk-lyzr-typed-secret", request.lyzrApiKey().reveal());
        assertFalse(s.toString().contains("typed-secret") || request.toString().contains("typed-secret"));
        RecentConnections recent = new RecentConnections(dir.resolve("recent.json"));
        recent.remember(s);
        assertFalse(Files.readString(recent.file()).contains("typed-secret"));
    }

    @Test
    void lyzrKeyComesFromAVariableOrAFileAndAMissingOneIsASentence() throws Exception {
        ConnectViewModel vm = lyzrDialog("ws://127.0.0.1:9000");
        vm.lyzrTaskIdProperty().set("task-2");
        assertEquals(ConnectViewModel.KeyMode.ENV, vm.lyzrKeyModeProperty().get());
        assertEquals("LYZR_API_KEY", vm.lyzrKeyRefProperty().get());
        ConnectionSettings fromEnv = vm.settings();
        ConnectionRequest.Builder b = ConnectionRequest.builder(fromEnv.uri());
        fromEnv.lyzrReconcile().applyTo(b, Map.of("LYZR_API_KEY", "sk-from-env"));
        assertEquals("sk-from-env", b.build().lyzrApiKey().reveal());
        IllegalStateException unset = assertThrows(IllegalStateException.class,
                () -> fromEnv.lyzrReconcile().applyTo(ConnectionRequest.builder(fromEnv.uri()), Map.of()));
        assertEquals("the variable LYZR_API_KEY that should hold the Lyzr API key is not set", unset.getMessage());

        Path keyFile = dir.resolve("lyzr.key");
        Files.writeString(keyFile, "\nsk-from-file\n");
        vm.lyzrKeyModeProperty().set(ConnectViewModel.KeyMode.FILE);
        vm.lyzrKeyRefProperty().set("");
        assertEquals("Enter the file that holds the Lyzr API key", vm.problemProperty().get());
        vm.lyzrKeyRefProperty().set(keyFile.toString());
        ConnectionRequest.Builder f = ConnectionRequest.builder(vm.settings().uri());
        vm.settings().lyzrReconcile().applyTo(f, Map.of());
        assertEquals("sk-from-file", f.build().lyzrApiKey().reveal());
        vm.lyzrKeyRefProperty().set(dir.resolve("missing.key").toString());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> vm.settings().lyzrReconcile().applyTo(ConnectionRequest.builder(vm.target()), Map.of()));
        assertTrue(missing.getMessage().startsWith("cannot read the Lyzr API key file"), missing.getMessage());

        vm.lyzrTaskIdProperty().set("");
        ConnectionRequest.Builder none = ConnectionRequest.builder(vm.target());
        vm.settings().lyzrReconcile().applyTo(none, Map.of("LYZR_API_KEY", "sk-unused"));
        assertNull(none.build().lyzrApiKey(), "no task id: no key is read");
    }

    @Test
    void aLyzrKeyOverPlainWsToARemoteHostNeedsConsent() {
        ConnectViewModel vm = lyzrDialog("ws://192.0.2.10:8080");
        assertFalse(vm.tokenTravelsInClear(), "no task id: no key goes anywhere");
        vm.lyzrTaskIdProperty().set("task-3");
        assertTrue(vm.tokenTravelsInClear(), "task-status over plain http:// carries the key");
        vm.urlProperty().set("ws://localhost:8080");
        assertFalse(vm.tokenTravelsInClear());
        vm.urlProperty().set("wss://192.0.2.10");
        assertFalse(vm.tokenTravelsInClear());
    }
}
