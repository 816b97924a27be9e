package io.unimember.e2e;

import java.io.IOException;
import java.net.Socket;

final class Ports {

    private Ports() {}

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
