package dev.runlens.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "apiKey", "API_KEY", "x-api-key", "token", "access_token", "Authorization",
            "authorization", "password", "db_password", "secret", "client_secret", "private_key", "privateKey",
            "keypair", "Cookie", "refreshToken", "service_key"})
    void secretLookingKeys(String key) {
        assertTrue(SecretKeys.isSecret(key), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pubkey", "tokens_used", "case_id", "message", "author", "keyboard", "secretary_name",
            "customer_email", "", "signature", "token_count"})
    void ordinaryKeys(String key) {
        assertFalse(SecretKeys.isSecret(key), key);
    }
}
