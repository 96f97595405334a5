package nl.asylumchain.casefile.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import nl.asylumchain.casefile.CaseFile;
import nl.asylumchain.casefile.CaseFileService;
import nl.asylumchain.casefile.persistence.CaseEventRepository;
import nl.asylumchain.casefile.process.CaseHistory;
import nl.asylumchain.casefile.process.CaseHistory.Position;
import nl.asylumchain.platform.NotFoundException;

/**
 * The case view: the page {@code /cases/{caseId}} (a static page with a login form; the login is a server session,
 * see platform's BrowserSecurityConfiguration) and its data, {@code GET /api/cases/{caseId}/view}: the case file, one
 * timeline of everything that happened (completed tasks with who did them, events with who sent them, automatic
 * steps, stages, milestones), links to the open tasks in Tasklist, and the position of each process of the case for
 * the diagram, whose XML {@code .../view/diagrams/{processDefinitionId}} serves.
 */
@Controller
@Validated
class CaseViewController {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final CaseFileService caseFile;
    private final CaseHistory history;
    private final CaseEventRepository events;

    CaseViewController(CaseFileService caseFile, CaseHistory history, CaseEventRepository events) {
        this.caseFile = caseFile;
        this.history = history;
        this.events = events;
    }

    /** A row of the timeline. {@code user} is empty for what the system did by itself. */
    record TimelineRow(Instant at, String kind, String name, String user, String process, String outcome) {
    }

    record TaskLink(String id, String name, String assignee, List<String> candidateGroups, Instant dueDate,
            int priority, String tasklistUrl) {
    }

    record CaseView(CaseFile caseFile, List<TimelineRow> timeline, List<TaskLink> openTasks,
            List<Position> positions) {
    }

    @GetMapping({"/cases", "/cases/", "/cases/{caseId:[0-9a-fA-F-]{36}}"})
    String page() {
        return "forward:/cases/index.html";
    }

    record Diagram(String bpmn20Xml) {
    }

    record Found(UUID caseId) {
    }

    /** The case view's search: the case id of a V-number, read with the view's own login (session). */
    @GetMapping("/cases/search")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    Found search(@RequestParam @Pattern(regexp = "\\d{10}", message = "must be ten digits") String vNumber) {
        return new Found(caseFile.caseFileByVNumber(vNumber).caseId());
    }

    /** The diagram of a process of this case, for the view's session (which has no access to the engine REST API). */
    @GetMapping("/api/cases/{caseId}/view/diagrams/{processDefinitionId}")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    Diagram diagram(@PathVariable UUID caseId, @PathVariable String processDefinitionId) {
        return history.diagram(caseId, processDefinitionId).map(Diagram::new).orElseThrow(() -> new NotFoundException(
                "Case " + caseId + " has no process of definition " + processDefinitionId));
    }

    @GetMapping("/api/cases/{caseId}/view")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    CaseView view(@PathVariable UUID caseId) {
        CaseFile file = caseFile.caseFile(caseId);
        List<TimelineRow> timeline = new ArrayList<>();
        history.steps(caseId).forEach(step -> timeline.add(new TimelineRow(step.at(), step.kind().name(),
                step.name(), step.user(), step.processKey(), step.outcome())));
        events.events(caseId).forEach(event -> timeline.add(new TimelineRow(event.receivedAt(), "RECEIVED",
                event.eventType(), event.receivedBy(), null, null)));
        file.milestones().forEach(milestone -> timeline.add(new TimelineRow(milestone.reachedAt(), "MILESTONE",
                milestone.milestone().name(), null, null, null)));
        timeline.sort(Comparator.comparing(TimelineRow::at));
        List<TaskLink> tasks = file.openTasks().stream()
                .map(task -> new TaskLink(task.id(), task.name(), task.assignee(), task.candidateGroups(),
                        task.dueDate(), task.priority(), TASKLIST_TASK + task.id()))
                .toList();
        return new CaseView(file, timeline, tasks, history.positions(caseId));
    }
}
