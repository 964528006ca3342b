package dev.runlens.value;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which keys look like they hold a secret: api_key, token, authorization, password, secret,
 * private_key and their usual spellings, as the whole key or its last part (so
 * {@code db_password} is secret and {@code token_count} is not). Used to mask values in the inspector, in copies and in
 * redacted exports.
 */
public final class SecretKeys {
    private static final Pattern SECRET = Pattern.compile(
            "(^|[_\\-.])(api[_\\-]?key|apikey|x[_\\-]api[_\\-]key|token|access[_\\-]?token|refresh[_\\-]?token|id[_\\-]?token"
                    + "|auth|authorization|proxy[_\\-]authorization|password|passwd|pwd|passphrase|secret|client[_\\-]?secret"
                    + "|private[_\\-]?key|privkey|secret[_\\-]?key|keypair|seed|mnemonic|cookie|set[_\\-]cookie|session[_\\-]?id"
                    + "|credentials?|bearer|signature[_\\-]?key|service[_\\-]key)$");
    public static final String MASK = "••••••";

    private SecretKeys() {
    }

    public static boolean isSecret(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        // camelCase to snake_case, so apiKey and privateKey match too.
        StringBuilder sb = new StringBuilder(k.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return SECRET.matcher(sb).find() || SECRET.matcher(k).find();
    }
}
