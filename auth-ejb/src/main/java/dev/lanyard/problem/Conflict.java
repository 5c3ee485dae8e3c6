package dev.lanyard.problem;

public class Conflict extends Problem {

    public Conflict(String message) {
        super(message);
    }
}
