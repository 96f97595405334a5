package nl.asylumchain.casefile.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import nl.asylumchain.casefile.Accessor;
import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseFile;
import nl.asylumchain.casefile.CaseFilePart;
import nl.asylumchain.casefile.CaseFileSection;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.NeedToKnow;
import nl.asylumchain.casefile.persistence.CaseEventRepository;
import nl.asylumchain.casefile.process.CaseHistory;
import nl.asylumchain.casefile.process.CaseHistory.Position;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.platform.NotFoundException;

/**
 * The case view: the page {@code /cases/{caseId}} (a static page with a login form; the login is a server session,
 * see platform's BrowserSecurityConfiguration) and its data, {@code GET /api/cases/{caseId}/view}: the case file, one
 * timeline of everything that happened (completed tasks with who did them, events with who sent them, automatic
 * steps, stages, milestones), links to the open tasks in Tasklist, and the position of each process of the case for
 * the diagram, whose XML {@code .../view/diagrams/{processDefinitionId}} serves. Each reader sees what the
 * need-to-know table gives their groups: the engine's steps and the diagram of a process with the part it belongs
 * to (the main process: {@code PROGRESS}; a stage's: its section, {@link CaseFileSection#processKeys()}; all of them:
 * {@code PROCESS_HISTORY}), the milestones with {@code PROGRESS}, a received event only with the part it belongs to
 * ({@link CaseEventType#part()}).
 */
@Controller
@Validated
class CaseViewController {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final CaseFiles caseFile;
    private final CaseHistory history;
    private final CaseEventRepository events;
    private final Map<String, CaseFilePart> eventParts;
    private final Map<String, CaseFilePart> processParts = new HashMap<>();

    CaseViewController(
            CaseFiles caseFile,
            CaseHistory history,
            CaseEventRepository events,
            List<CaseEventType<?>> eventTypes,
            List<CaseFileSection> sections) {
        this.caseFile = caseFile;
        this.history = history;
        this.events = events;
        this.eventParts = eventTypes.stream().collect(Collectors.toMap(CaseEventType::type, CaseEventType::part));
        processParts.put(CaseModel.PROCESS_KEY, CaseFilePart.PROGRESS);
        sections.forEach(section -> CaseFilePart.ofSection(section.name())
                .ifPresent(part -> section.processKeys().forEach(key -> processParts.put(key, part))));
    }

    /** Whether the reader sees the steps of this process; one no section claims needs PROCESS_HISTORY. */
    private boolean seesProcess(NeedToKnow.Access access, String processKey) {
        return access.sees(CaseFilePart.PROCESS_HISTORY)
                || access.sees(processParts.getOrDefault(processKey, CaseFilePart.PROCESS_HISTORY));
    }

    /** A row of the timeline. {@code user} is empty for what the system did by itself. */
    record TimelineRow(Instant at, String kind, String name, String user, String process, String outcome) {}

    record TaskLink(
            String id,
            String name,
            String assignee,
            List<String> candidateGroups,
            Instant dueDate,
            int priority,
            String tasklistUrl) {}

    record CaseView(
            CaseFile caseFile, List<TimelineRow> timeline, List<TaskLink> openTasks, List<Position> positions) {}

    @GetMapping({"/cases", "/cases/", "/cases/{caseId:[0-9a-fA-F-]{36}}"})
    String page() {
        return "forward:/cases/index.html";
    }

    record Diagram(String bpmn20Xml) {}

    record Found(UUID caseId) {}

    /**
     * The case view's search: the case id of a V-number, read with the view's own login (session). A V-number of a
     * case the reader's groups do not work on is not found, as on {@code GET /api/cases?vNumber=}.
     */
    @GetMapping("/cases/search")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    Found search(
            @RequestParam @Pattern(regexp = "\\d{10}", message = "must be ten digits") String vNumber,
            Authentication user) {
        return new Found(caseFile.caseIdByVNumber(vNumber, Accessor.of(user, null)));
    }

    /**
     * The diagram of a process of this case, for the view's session (which has no access to the engine REST API):
     * only of a case and a process the reader sees in the view.
     */
    @GetMapping("/api/cases/{caseId}/view/diagrams/{processDefinitionId}")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    Diagram diagram(@PathVariable UUID caseId, @PathVariable String processDefinitionId, Authentication user) {
        NeedToKnow.Access access = caseFile.access(caseId, Accessor.of(user, null));
        NotFoundException noSuchProcess =
                new NotFoundException("Case " + caseId + " has no process of definition " + processDefinitionId);
        if (history.processKey(caseId, processDefinitionId)
                .filter(key -> seesProcess(access, key))
                .isEmpty()) {
            throw noSuchProcess;
        }
        return history.diagram(caseId, processDefinitionId).map(Diagram::new).orElseThrow(() -> noSuchProcess);
    }

    @GetMapping("/api/cases/{caseId}/view")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    CaseView view(
            @PathVariable UUID caseId,
            Authentication user,
            @RequestHeader(name = Accessor.TASK_HEADER, required = false) String taskId) {
        CaseFiles.Read read = caseFile.read(caseId, Accessor.of(user, taskId), "case view");
        CaseFile file = read.caseFile();
        NeedToKnow.Access access = read.access();
        List<TimelineRow> timeline = new ArrayList<>();
        history.steps(caseId).stream()
                .filter(step -> seesProcess(access, step.processKey()))
                .forEach(step -> timeline.add(new TimelineRow(
                        step.at(), step.kind().name(), step.name(), step.user(), step.processKey(), step.outcome())));
        events.events(caseId).stream()
                // an event type no module receives any more is shown only to those who see everything
                .filter(event -> access.sees(eventParts.getOrDefault(event.eventType(), CaseFilePart.PROCESS_HISTORY)))
                .forEach(event -> timeline.add(new TimelineRow(
                        event.receivedAt(), "RECEIVED", event.eventType(), event.receivedBy(), null, null)));
        if (file.milestones() != null) {
            file.milestones()
                    .forEach(milestone -> timeline.add(new TimelineRow(
                            milestone.reachedAt(),
                            "MILESTONE",
                            milestone.milestone().name(),
                            null,
                            null,
                            null)));
        }
        timeline.sort(Comparator.comparing(TimelineRow::at));
        List<TaskLink> tasks = file.openTasks() == null
                ? null
                : file.openTasks().stream()
                        .map(task -> new TaskLink(
                                task.id(),
                                task.name(),
                                task.assignee(),
                                task.candidateGroups(),
                                task.dueDate(),
                                task.priority(),
                                TASKLIST_TASK + task.id()))
                        .toList();
        List<Position> positions = history.positions(caseId).stream()
                .filter(position -> seesProcess(access, position.processKey()))
                .toList();
        return new CaseView(file, timeline, tasks, positions.isEmpty() ? null : positions);
    }
}
