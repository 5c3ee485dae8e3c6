package dev.lanyard.account.control;

/**
 * One algorithm of password hashes. {@link Passwords} makes new hashes with the configured one and verifies a stored
 * hash with whichever recognises it, so hashes of an algorithm no longer configured still verify.
 */
interface PasswordHashes {

    /** Whether the hash is in this algorithm's format, whatever its parameters. */
    boolean recognises(String hash);

    /** A new hash of the password with a fresh salt and the configured parameters. */
    String hash(String password);

    /** Whether the password matches; false also for a hash this algorithm cannot read, never an exception. */
    boolean verify(String password, String hash);

    /** Whether the hash is of this algorithm with exactly the parameters configured now. */
    boolean isCurrent(String hash);
}
