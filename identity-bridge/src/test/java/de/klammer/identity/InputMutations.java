package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded random mutation of real input files, for fuzz tests of the parsers of outside data. Each mutation flips
 * bits, overwrites bytes with values that parsers treat specially, deletes, duplicates or inserts a short range, or
 * truncates. A mutated input stays below twice the original length plus 64 bytes, so its size alone cannot make a
 * parser run out of memory. {@link #assertRejectsCleanly} runs a parser on many mutations and fails on
 * any exception outside the allowed types, on a blank message and on a run longer than {@link #TIME_LIMIT}.
 */
public final class InputMutations {

    /** Maximum time of one parser call on one mutated input. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private static final byte[] SPECIAL_BYTES = {0, -1, 0x7f, -128, '{', '}', '"', '\'', ',', '-', '\n', ':', '=', '|'};
    private static final Pattern PEM_BLOCK =
            Pattern.compile("(-----BEGIN ([A-Z0-9 ]+)-----)\\s+([A-Za-z0-9+/=\\s]+?)\\s*(-----END \\2-----)");

    private final Random random;

    /** Creates a mutator whose mutations depend only on the seed, so a failure can be reproduced. */
    public InputMutations(long seed) {
        this.random = new Random(seed);
    }

    /** A parser under test. It may throw any exception, and {@link #assertRejectsCleanly} classifies it. */
    @FunctionalInterface
    public interface Parser {
        void parse(byte[] input) throws Exception;
    }

    /** Returns one mutation of the input, which stays unchanged. */
    public byte[] mutate(byte[] input) {
        byte[] bytes = input.clone();
        int steps = 1 + random.nextInt(3);
        for (int step = 0; step < steps; step++) {
            bytes = mutateOnce(bytes, input.length);
        }
        return bytes;
    }

    /**
     * Returns the PEM text with the DER content of each block mutated and encoded again, so that the mutation reaches
     * the ASN.1 parser instead of the Base64 decoder. Text without a PEM block is mutated as bytes.
     */
    public byte[] mutatePemContent(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        Matcher matcher = PEM_BLOCK.matcher(text);
        StringBuilder result = new StringBuilder();
        boolean found = false;
        while (matcher.find()) {
            found = true;
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(3));
            String encoded = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(mutate(der));
            matcher.appendReplacement(result, Matcher.quoteReplacement(
                    matcher.group(1) + "\n" + encoded + "\n" + matcher.group(4)));
        }
        if (!found) {
            return mutate(pem);
        }
        matcher.appendTail(result);
        return result.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Runs the parser on {@code iterations} mutations of the input, made with {@code mutation}, and fails when a call
     * throws anything but the allowed types, throws one of them with a blank message, or takes longer than
     * {@link #TIME_LIMIT}. Returns how many mutations the parser rejected, so a caller can check that the mutations
     * reached it.
     */
    @SafeVarargs
    public final int assertRejectsCleanly(
            String label,
            byte[] input,
            int iterations,
            java.util.function.UnaryOperator<byte[]> mutation,
            Parser parser,
            Class<? extends Exception>... allowed) {
        int rejected = 0;
        for (int iteration = 0; iteration < iterations; iteration++) {
            byte[] mutated = mutation.apply(input);
            Throwable thrown = assertTimeoutPreemptively(
                    TIME_LIMIT, () -> call(parser, mutated), label + ": mutation " + iteration + " took too long");
            if (thrown == null) {
                continue;
            }
            rejected++;
            if (Arrays.stream(allowed).noneMatch(type -> type.isInstance(thrown))) {
                fail(label + ": mutation " + iteration + " raised " + thrown.getClass().getName() + ", expected one of "
                        + List.of(allowed).stream().map(Class::getSimpleName).toList(), thrown);
            }
            assertThat(thrown.getMessage())
                    .as("%s: message of %s on mutation %d", label, thrown.getClass().getSimpleName(), iteration)
                    .isNotBlank();
        }
        return rejected;
    }

    private static Throwable call(Parser parser, byte[] input) {
        try {
            parser.parse(input);
            return null;
        } catch (Exception e) {
            return e;
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("Parser failed with " + e, e);
        }
    }

    private byte[] mutateOnce(byte[] bytes, int originalLength) {
        if (bytes.length == 0) {
            return new byte[] {SPECIAL_BYTES[random.nextInt(SPECIAL_BYTES.length)]};
        }
        int position = random.nextInt(bytes.length);
        int length = 1 + random.nextInt(Math.min(64, bytes.length - position));
        boolean mayGrow = bytes.length + 64 <= 2 * originalLength + 64;
        return switch (random.nextInt(mayGrow ? 7 : 5)) {
            case 0 -> flipBits(bytes, position);
            case 1 -> overwriteSpecial(bytes, position);
            case 2 -> delete(bytes, position, length);
            case 3 -> Arrays.copyOf(bytes, position);
            case 4 -> overwriteRandom(bytes, position, length);
            case 5 -> insert(bytes, position, Arrays.copyOfRange(bytes, position, position + length));
            default -> insert(bytes, position, randomBytes(1 + random.nextInt(16)));
        };
    }

    private byte[] flipBits(byte[] bytes, int position) {
        bytes[position] ^= (byte) (1 << random.nextInt(8));
        return bytes;
    }

    private byte[] overwriteSpecial(byte[] bytes, int position) {
        bytes[position] = SPECIAL_BYTES[random.nextInt(SPECIAL_BYTES.length)];
        return bytes;
    }

    private byte[] overwriteRandom(byte[] bytes, int position, int length) {
        byte[] replacement = randomBytes(length);
        System.arraycopy(replacement, 0, bytes, position, length);
        return bytes;
    }

    private static byte[] delete(byte[] bytes, int position, int length) {
        byte[] result = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, result, 0, position);
        System.arraycopy(bytes, position + length, result, position, bytes.length - position - length);
        return result;
    }

    private static byte[] insert(byte[] bytes, int position, byte[] inserted) {
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, position);
        System.arraycopy(inserted, 0, result, position, inserted.length);
        System.arraycopy(bytes, position, result, position + inserted.length, bytes.length - position);
        return result;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
