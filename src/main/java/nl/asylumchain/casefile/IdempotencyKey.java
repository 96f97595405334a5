package nl.asylumchain.casefile;

import java.util.Objects;

/**
 * The {@code Idempotency-Key} a client sent with a registration, and the user who sent it. A key is its sender's
 * own: the same key from another user is another request.
 */
public record IdempotencyKey(String userId, String key) {

    public IdempotencyKey {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
    }
}
