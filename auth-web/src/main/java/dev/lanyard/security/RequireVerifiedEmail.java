package dev.lanyard.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * With {@code lanyard.require-verified-email}, a user must have verified their email address (Laravel's
 * {@code verified} middleware): 403 otherwise. API clients have no address and are never held back.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequireVerifiedEmail {}
