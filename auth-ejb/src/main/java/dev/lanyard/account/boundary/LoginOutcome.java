package dev.lanyard.account.boundary;

/** How a login with a correct password ends: a token, or a two-factor challenge still to be met. */
public sealed interface LoginOutcome permits SignedInUser, PendingTwoFactor {}
