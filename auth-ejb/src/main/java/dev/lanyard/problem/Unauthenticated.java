package dev.lanyard.problem;

public class Unauthenticated extends Problem {

    public Unauthenticated(String message) {
        super(message);
    }
}
