package dev.runlens.connect;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * TLS contexts that verify servers against the system trust store, plus optionally a private CA.
 * There is deliberately no way to trust everything. A truststore that cannot be used is the
 * operator's mistake, not the server's: {@link #problemWith} names it in one sentence before any
 * connection is tried, so it is never retried nor blamed on the server's certificate.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    public static SSLContext create(Path extraTrust) throws GeneralSecurityException, IOException {
        String problem = extraTrust == null ? null : problemWith(extraTrust);
        if (problem != null) {
            throw new UnusableTrustStore(problem); // the file changed since the options were checked
        }
        X509TrustManager system = trustManager(null);
        X509TrustManager trust = extraTrust == null ? system : new Either(system, trustManager(load(extraTrust)));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return context;
    }

    /** Why {@code file} cannot serve as a truststore, as one sentence; null when it can. */
    public static String problemWith(Path file) {
        if (!Files.exists(file)) {
            return "the truststore " + file + " does not exist";
        }
        if (Files.isDirectory(file)) {
            return "the truststore " + file + " is a folder, not a certificate file or key store";
        }
        if (!Files.isReadable(file)) {
            return "the truststore " + file + " cannot be read (permission denied)";
        }
        try {
            load(file);
            return null;
        } catch (UnusableTrustStore e) {
            return e.getMessage();
        } catch (IOException | GeneralSecurityException e) {
            return "the truststore " + file + " cannot be read (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A truststore that is not one, or needs a password Runlens does not take. */
    static final class UnusableTrustStore extends GeneralSecurityException {
        private static final long serialVersionUID = 1L;

        UnusableTrustStore(String sentence) {
            super(sentence);
        }
    }

    /** A PEM/DER certificate file (one or more CAs) or a PKCS#12/JKS store without a password. */
    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (!certs.isEmpty()) {
                int i = 0;
                for (Certificate c : certs) {
                    store.setCertificateEntry("ca-" + i++, c);
                }
                return store;
            }
        } catch (CertificateException e) {
            // not a certificate file: try a key store below
        }
        KeyStore keys;
        try {
            keys = KeyStore.getInstance(file.toFile(), new char[0]);
        } catch (KeyStoreException e) {
            throw new UnusableTrustStore("the truststore " + file + " is neither a PEM or DER certificate nor a PKCS#12 or JKS key store");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new UnusableTrustStore("the truststore " + file + " is a key store with a password, which Runlens does not "
                        + "take: give its CA certificate as a PEM file instead (keytool -exportcert -rfc)");
            }
            throw new UnusableTrustStore("the truststore " + file + " is not a certificate file or key store Runlens can read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (keys.size() == 0) {
            throw new UnusableTrustStore("the truststore " + file + " holds no certificate");
        }
        return keys;
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** Trusts a chain that either trust manager trusts. */
    private record Either(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            all.addAll(List.of(second.getAcceptedIssuers()));
            return all.toArray(new X509Certificate[0]);
        }
    }
}
