package dev.lanyard.problem;

public class Forbidden extends Problem {

    public Forbidden(String message) {
        super(message);
    }
}
