package dev.proxmoxmpc.plugin.simulator.auth;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Users with passwords, API tokens with secrets, and the tickets and CSRF tokens of PVE's session auth
 * ({@code PVE:<userid>:<hex time>::<signature>}, valid two hours; CSRF {@code <hex time>:<signature>}).
 */
public final class Authenticator {
    private static final long TICKET_LIFETIME_S = 7200;

    private record User(String password, Set<String> privileges) {
    }

    private record Token(String userid, String name, String secret, Set<String> privileges) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final AccessControl access;

    public Authenticator() {
        this(new AccessControl());
    }

    /**
     * @param access the access configuration: its users and tokens authenticate too, with the privileges its ACLs
     *               give them per path (the users and tokens added here hold fixed privileges on every path)
     */
    public Authenticator(AccessControl access) {
        this.access = access;
        new SecureRandom().nextBytes(key);
    }

    /** @return the access configuration it authenticates against */
    public AccessControl access() {
        return access;
    }

    private Principal configured(String userid, String tokenName, boolean ticketAuth) {
        return new Principal(userid, tokenName, access.privileges(userid, tokenName, "/"), ticketAuth,
                path -> access.privileges(userid, tokenName, path));
    }

    public void addUser(String userid, String password, Set<String> privileges) {
        users.put(userid, new User(password, Set.copyOf(privileges)));
    }

    /** @return whether {@code userid!name} is a token added with fixed privileges (not of the access configuration) */
    public boolean fixedToken(String userid, String name) {
        return tokens.containsKey(userid + "!" + name);
    }

    /** Adds an API token {@code userid!name} holding {@code privileges}. */
    public void addToken(String userid, String name, String secret, Set<String> privileges) {
        tokens.put(userid + "!" + name, new Token(userid, name, secret, Set.copyOf(privileges)));
    }

    /**
     * Gives an existing API token a new secret, as {@code PUT /access/users/{userid}/token/{tokenid}} with
     * {@code regenerate=1} does: same id, same privileges, the old secret stops working at once.
     *
     * @return the new secret, or empty when there is no such token
     */
    public java.util.Optional<String> regenerate(String userid, String name) {
        String id = userid + "!" + name;
        Token old = tokens.get(id);
        if (old == null) {
            return access.hasToken(userid, name)
                    ? java.util.Optional.of(access.updateToken(userid, name, Map.of(), java.util.List.of(), true))
                    : java.util.Optional.empty();
        }
        String secret = java.util.UUID.randomUUID().toString();
        tokens.put(id, new Token(old.userid(), old.name(), secret, old.privileges()));
        return java.util.Optional.of(secret);
    }

    /** @return the privileges of a user, for the ticket's {@code cap}; throws 401 on wrong credentials. */
    public Principal login(String username, String password) {
        User u = users.get(username);
        if ((u != null || access.hasUser(username)) && password != null && password.startsWith("PVE:")) {
            Principal renewed = fromTicket(password);
            if (renewed != null && renewed.userid().equals(username)) {
                return renewed;
            }
        }
        if (u == null && access.passwordMatches(username, password)) {
            return configured(username, "", true);
        }
        if (u == null || password == null || !MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.authenticationFailure();
        }
        return new Principal(username, "", u.privileges(), true);
    }

    public String ticket(String userid) {
        String plain = "PVE:" + userid + ":" + hexTime(now());
        return plain + "::" + sign(plain);
    }

    public String csrfToken(String userid) {
        String time = hexTime(now());
        return time + ":" + sign(time + ":" + userid).replace("=", "");
    }

    /**
     * Authenticates a request from its {@code Cookie}, {@code Authorization} and {@code CSRFPreventionToken}
     * headers; 401 when it cannot.
     */
    public Principal authenticate(String method, String cookie, String authorization, String csrf) {
        if (authorization != null && (authorization.startsWith("PVEAPIToken=") || authorization.startsWith("PVEAPIToken "))) {
            return fromToken(authorization.substring("PVEAPIToken=".length()).trim());
        }
        String ticket = null;
        if (authorization != null && authorization.startsWith("PVEAuthCookie=")) {
            ticket = authorization.substring("PVEAuthCookie=".length());
        }
        if (ticket == null && cookie != null) {
            for (String part : cookie.split(";")) {
                String p = part.trim();
                if (p.startsWith("PVEAuthCookie=")) {
                    ticket = URLDecoder.decode(p.substring("PVEAuthCookie=".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
                }
            }
        }
        if (ticket == null) {
            throw ApiException.unauthorized("No ticket");
        }
        Principal p = fromTicket(ticket);
        if (p == null) {
            throw ApiException.unauthorized("authentication failure");
        }
        if (!method.equals("GET") && !validCsrf(csrf, p.userid())) {
            throw ApiException.unauthorized("Permission denied - invalid csrf token");
        }
        return p;
    }

    private Principal fromToken(String value) {
        int eq = value.indexOf('=');
        int bang = value.indexOf('!');
        if (eq < 0 || bang < 0 || bang > eq) {
            throw ApiException.unauthorized("authentication failure");
        }
        Token t = tokens.get(value.substring(0, eq));
        if (t == null) {
            String id = value.substring(0, eq);
            return access.tokenUser(id, value.substring(eq + 1))
                    .map(user -> configured(user, id.substring(id.indexOf('!') + 1), false))
                    .orElseThrow(() -> ApiException.unauthorized("authentication failure"));
        }
        if (!MessageDigest.isEqual(t.secret().getBytes(StandardCharsets.UTF_8),
                value.substring(eq + 1).getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("authentication failure");
        }
        return new Principal(t.userid(), t.name(), t.privileges(), false);
    }

    private Principal fromTicket(String ticket) {
        int sep = ticket.indexOf("::");
        if (!ticket.startsWith("PVE:") || sep < 0) {
            return null;
        }
        String plain = ticket.substring(0, sep);
        if (!MessageDigest.isEqual(sign(plain).getBytes(StandardCharsets.UTF_8),
                ticket.substring(sep + 2).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        int lastColon = plain.lastIndexOf(':');
        String userid = plain.substring(4, lastColon);
        long time = Long.parseLong(plain.substring(lastColon + 1), 16);
        User u = users.get(userid);
        if (now() - time > TICKET_LIFETIME_S) {
            return null;
        }
        if (u == null) {
            return access.activeUser(userid) ? configured(userid, "", true) : null;
        }
        return new Principal(userid, "", u.privileges(), true);
    }

    private boolean validCsrf(String csrf, String userid) {
        if (csrf == null) {
            return false;
        }
        int colon = csrf.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String time = csrf.substring(0, colon);
        String expected = sign(time + ":" + userid).replace("=", "");
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                csrf.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String hexTime(long t) {
        return String.format(Locale.ROOT, "%08X", t);
    }
}
