package chat.clickclack.limits;

import java.time.Duration;
import java.util.Locale;

/**
 * A token bucket's shape: {@code count} actions at once, refilled evenly over {@code period}; written
 * {@code COUNT/PERIOD} in configuration, e.g. {@code 30/1m} (units s, m, h), or {@code off}.
 */
public record RateLimit(long count, Duration period) {
    public static final RateLimit OFF = new RateLimit(0, Duration.ZERO);

    public boolean off() {
        return count == 0;
    }

    /** Parses {@code COUNT/PERIOD}; the message of the exception names what is wrong, not the key. */
    public static RateLimit parse(String raw) {
        var text = raw.trim().toLowerCase(Locale.ROOT);
        if (text.equals("off")) {
            return OFF;
        }
        int slash = text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1) {
            throw new IllegalArgumentException("must look like COUNT/PERIOD (e.g. 30/1m) or off, got '" + raw + "'");
        }
        long count;
        try {
            count = Long.parseLong(text.substring(0, slash));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("COUNT must be a number, got '" + raw + "'");
        }
        if (count < 1 || count > 1_000_000_000L) {
            throw new IllegalArgumentException("COUNT must be between 1 and 1000000000, got '" + raw + "'");
        }
        return new RateLimit(count, period(text.substring(slash + 1), raw));
    }

    private static Duration period(String text, String raw) {
        char unit = text.charAt(text.length() - 1);
        var digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        long amount;
        try {
            amount = digits.isEmpty() ? 1 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PERIOD must be like 10s, 1m or 1h, got '" + raw + "'");
        }
        if (amount < 1 || amount > 1_000_000) {
            throw new IllegalArgumentException("PERIOD must be between 1 and 1000000 units, got '" + raw + "'");
        }
        return switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Character.isDigit(unit) ? Duration.ofSeconds(amount)
                    : throwBadUnit(raw);
        };
    }

    private static Duration throwBadUnit(String raw) {
        throw new IllegalArgumentException("PERIOD's unit must be s, m or h, got '" + raw + "'");
    }

    @Override
    public String toString() {
        return off() ? "off" : count + "/" + period.toSeconds() + "s";
    }
}
