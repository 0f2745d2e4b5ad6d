package dev.proxmoxmpc.plugin.testing.run;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.Locale;

/** Builds the {@link Result}s of one check. */
final class Outcomes {
    private final String file;
    private final Check check;

    Outcomes(String file, Check check) {
        this.file = file;
        this.check = check;
    }

    private String severity() {
        return check.effectiveSeverity().name().toLowerCase(Locale.ROOT);
    }

    Result pass(String target, String field) {
        return new Result(file, check.type(), target, field, severity(), "passed", "", "", "");
    }

    Result fail(String target, String field, String expected, String actual) {
        return new Result(file, check.type(), target, field, severity(), "failed", expected, actual, "");
    }

    Result failMessage(String target, String field, String message) {
        return new Result(file, check.type(), target, field, severity(), "failed", "", "", message);
    }

    Result skip(String target, String field, String reason) {
        return new Result(file, check.type(), target, field, severity(), "skipped", "", "", reason);
    }

    /** @return the check skipped because a server read failed, with a reason a person can act on. */
    Result skip(String target, String field, ProviderException e) {
        return skip(target, field, reason(e));
    }

    static String reason(ProviderException e) {
        return switch (e.kind()) {
            case PERMISSION -> "the token lacks the privilege: " + e.getMessage();
            case CONNECTION, TIMEOUT -> "unreachable: " + e.getMessage();
            case INVALID, NOT_FOUND -> "the server does not offer this: " + e.getMessage();
            default -> e.getMessage();
        };
    }
}
