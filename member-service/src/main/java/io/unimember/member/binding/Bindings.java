package io.unimember.member.binding;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The BU accounts bound to a member (one-ID), for the member's own export and their account deletion. */
@Service
public class Bindings {

    private final BindingRepository repository;

    Bindings(BindingRepository repository) {
        this.repository = repository;
    }

    public record Binding(String bu, String externalAccountId, Instant boundAt) {}

    public List<Binding> of(String memberId) {
        return repository.of(memberId);
    }

    /** Unbinds every BU account of the member; a BU that resolves the account again gets a new member. */
    @Transactional
    public int unbindAll(String memberId) {
        return repository.unbindAll(memberId);
    }
}
