package io.unimember.member.binding;

import io.unimember.common.web.ApiException;
import io.unimember.member.members.Members;
import io.unimember.member.members.PhoneNumber;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a phone to its member for a BU and binds the BU's account id, in one transaction: a binding conflict
 * undoes a registration made on the way, so a refused call changes nothing.
 */
@Service
class OneId {

    private final Members members;
    private final BindingRepository bindings;
    private final Clock clock;

    OneId(Members members, BindingRepository bindings, Clock clock) {
        this.members = members;
        this.bindings = bindings;
        this.clock = clock;
    }

    @Transactional
    Members.Resolution resolve(String bu, PhoneNumber phone, @Nullable String externalAccountId) {
        Members.Resolution member = members.resolve(phone);
        if (externalAccountId != null) {
            Optional<String> boundTo =
                    bindings.bindOrFindExisting(bu, externalAccountId, member.memberId(), clock.instant());
            if (boundTo.isPresent() && !boundTo.get().equals(member.memberId())) {
                throw ApiException.conflict(
                        "ACCOUNT_BOUND_TO_ANOTHER_MEMBER",
                        "this " + bu + " account id is already bound to another member");
            }
        }
        return member;
    }
}
