package io.unimember.common.notes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service made of common's parts only, so common is tested the way services use it. */
@SpringBootApplication
class CommonTestApplication {}
