package io.unimember.member.members;

import io.unimember.common.events.MemberBirthdayChanged;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.member.support.Hashing;
import io.unimember.member.support.RandomIds;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds members by phone and registers the ones not seen before, announcing each with {@code member.registered}
 * in the same transaction; reads and changes profiles.
 */
@Service
public class Members {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final MemberRepository repository;
    private final PhoneProtection phones;
    private final EventPublisher events;
    private final Clock clock;

    Members(MemberRepository repository, PhoneProtection phones, EventPublisher events, Clock clock) {
        this.repository = repository;
        this.phones = phones;
        this.events = events;
        this.clock = clock;
    }

    /** The member this phone belongs to, and whether they were registered just now. */
    public record Resolution(String memberId, boolean created) {}

    /** The member with this phone, if they registered. */
    public Optional<String> findId(PhoneNumber phone) {
        return repository.findIdByPhoneHash(phones.hash(phone));
    }

    /** The member with this phone, registering them first if there is none; concurrent first logins make one. */
    @Transactional
    public Resolution resolve(PhoneNumber phone) {
        String hash = phones.hash(phone);
        Optional<String> existing = repository.findIdByPhoneHash(hash);
        if (existing.isPresent()) {
            return new Resolution(existing.get(), false);
        }
        String memberId = RandomIds.base32("m_", 20);
        Instant now = clock.instant();
        try {
            repository.insert(memberId, hash, phone.masked(), phones.encrypt(phone, memberId), now);
        } catch (DuplicateKeyException raced) {
            return new Resolution(repository.findIdByPhoneHashLatest(hash).orElseThrow(() -> raced), false);
        }
        events.publish(new MemberRegistered(memberId, now));
        return new Resolution(memberId, true);
    }

    /**
     * Erases the member's personal data (the account deletion of 个人信息保护法): the row keeps only the id and the
     * registration time, which ledgers elsewhere refer to. Returns whether there was a live member to erase.
     */
    @Transactional
    public boolean erase(String memberId) {
        Instant now = clock.instant();
        boolean erased = repository.erase(memberId, Hashing.sha256Hex("erased:" + memberId), now);
        if (erased) {
            events.publish(new MemberBirthdayChanged(memberId, null, now)); // campaign projections forget it too
        }
        return erased;
    }

    public Optional<MemberProfile> profile(String memberId) {
        return repository.find(memberId);
    }

    /**
     * Applies the given changes (null means unchanged); empty if there is no such member. A birthday given is
     * announced as {@code member.birthday_changed} with its month and day only (decision 0067), in the same
     * transaction.
     */
    @Transactional
    public Optional<MemberProfile> update(String memberId, @Nullable String nickname, @Nullable LocalDate birthday) {
        Instant now = clock.instant();
        if (!repository.update(memberId, nickname, birthday, now)) {
            return Optional.empty();
        }
        if (birthday != null) {
            events.publish(new MemberBirthdayChanged(memberId, MONTH_DAY.format(birthday), now));
        }
        return repository.find(memberId);
    }
}
