/**
 * Two-factor authentication (TOTP and recovery codes): enrolling, and the challenge a password login must meet. It
 * builds on {@code dev.lanyard.account} and implements its {@code SecondFactor}.
 */
package dev.lanyard.twofactor;
