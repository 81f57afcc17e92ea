package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.ForbiddenException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The agency workflow: an agency's queue and the actions on one assignment. */
@RestController
@Validated
public class AssignmentController {

    private final AgencyWorkflow workflow;
    private final AssignmentQueue queue;
    private final Clock clock;

    public AssignmentController(AgencyWorkflow workflow, AssignmentQueue queue, Clock clock) {
        this.workflow = workflow;
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/api/v1/agencies/{agencyId}/assignments")
    public AssignmentQueue.Page queue(Caller caller, @PathVariable String agencyId,
                                      @RequestParam(required = false) AssignmentStatus status,
                                      @RequestParam(required = false) Boolean overdue,
                                      @RequestParam(required = false) String category,
                                      @RequestParam(required = false) String district,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        caller.requireAny(Role.AGENCY_STAFF, Role.OPERATOR);
        if (!AgencyWorkflow.mayAccess(caller, agencyId)) {
            throw new ForbiddenException("Agency staff see only their own agency's assignments");
        }
        return queue.find(new AssignmentQueue.Filter(agencyId, status, overdue, category, district), page, size);
    }

    @GetMapping("/api/v1/assignments/{assignmentId}")
    public AssignmentView get(Caller caller, @PathVariable String assignmentId) {
        return view(workflow.view(caller, assignmentId));
    }

    @PostMapping("/api/v1/assignments/{assignmentId}/acknowledge")
    public AssignmentView acknowledge(Caller caller, @PathVariable String assignmentId) {
        return view(workflow.acknowledge(caller, assignmentId));
    }

    @PostMapping("/api/v1/assignments/{assignmentId}/start")
    public AssignmentView start(Caller caller, @PathVariable String assignmentId) {
        return view(workflow.start(caller, assignmentId));
    }

    @PostMapping("/api/v1/assignments/{assignmentId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    public Note addNote(Caller caller, @PathVariable String assignmentId,
                        @Valid @RequestBody AssignmentRequests.AddNote request) {
        return workflow.addNote(caller, assignmentId, request);
    }

    @PostMapping("/api/v1/assignments/{assignmentId}/resolve")
    public AssignmentView resolve(Caller caller, @PathVariable String assignmentId,
                                  @Valid @RequestBody AssignmentRequests.Resolve request) {
        return view(workflow.resolve(caller, assignmentId, request));
    }

    /** NOT_OUR_RESPONSIBILITY re-routes (next matching rule, or the desk); INVALID ends the assignment. */
    @PostMapping("/api/v1/assignments/{assignmentId}/reject")
    public AssignmentView reject(Caller caller, @PathVariable String assignmentId,
                                 @Valid @RequestBody AssignmentRequests.Reject request) {
        return view(workflow.reject(caller, assignmentId, request));
    }

    /** Disposisi to another agency of the same jurisdiction. */
    @PostMapping("/api/v1/assignments/{assignmentId}/transfer")
    public AssignmentView transfer(Caller caller, @PathVariable String assignmentId,
                                   @Valid @RequestBody AssignmentRequests.Transfer request) {
        return view(workflow.transfer(caller, assignmentId, request));
    }

    private AssignmentView view(Assignment assignment) {
        return AssignmentView.of(assignment, clock.instant());
    }
}
