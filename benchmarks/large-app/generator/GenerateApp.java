import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the large benchmark app's sources and templates: {@code java GenerateApp.java DIR DOMAINS}.
 * Each domain is what a business app has per table: a JPA entity with validation constraints, a
 * Spring Data repository with derived queries, a cached service, a form record, an MVC controller
 * with two Thymeleaf templates and a JSON controller. The home page, the first page the benchmark
 * asks for, reads every repository and renders one template. Generated, not written by hand, so
 * the app's size is one number; the code is what such an app's code looks like, in bulk.
 */
public final class GenerateApp {
    private static final String PACKAGE = "co.interakt.bench.large";
    private static final String[] NOUNS = {
        "Customer", "Order", "Invoice", "Product", "Supplier", "Shipment", "Warehouse", "Payment", "Refund", "Coupon",
        "Campaign", "Lead", "Contact", "Account", "Ticket", "Agent", "Team", "Project", "Task", "Milestone",
        "Contract", "Quote", "Subscription", "Plan", "Feature", "Region", "Store", "Employee", "Department", "Asset",
        "Vehicle", "Route", "Driver", "Booking", "Room", "Event", "Venue", "Speaker", "Session", "Survey",
        "Question", "Answer", "Article", "Comment", "Author", "Category", "Tag", "Review", "Rating", "Wishlist",
        "Cart", "Address", "Partner", "Reseller", "License", "Device", "Sensor", "Reading", "Alert", "Report",
        "Budget", "Expense", "Vendor", "Audit", "Policy", "Claim", "Patient", "Doctor", "Visit", "Prescription"
    };

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int domains = Integer.parseInt(args[1]);
        if (domains < 1 || domains > NOUNS.length) {
            throw new IllegalArgumentException("domains: 1 to " + NOUNS.length);
        }
        Path java = root.resolve("java/" + PACKAGE.replace('.', '/'));
        Path templates = root.resolve("resources/templates");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < domains; i++) {
            names.add(NOUNS[i]);
        }
        for (String name : names) {
            domain(java, templates, name);
        }
        write(java.resolve("LargeApplication.java"), application());
        write(java.resolve("HomeController.java"), home(names));
        write(java.resolve("SignupController.java"), signupController());
        write(java.resolve("SignupForm.java"), signupForm());
        write(java.resolve("Status.java"), "package " + PACKAGE + ";\n\npublic enum Status { NEW, ACTIVE, SUSPENDED, CLOSED }\n");
        write(java.resolve("SeedData.java"), seed(names));
        write(templates.resolve("index.html"), indexTemplate(names));
        write(templates.resolve("signup.html"), signupTemplate());
        write(templates.resolve("fragments/layout.html"), layoutTemplate());
        write(root.resolve("resources/application.properties"), properties());
    }

    private static void domain(Path java, Path templates, String name) throws IOException {
        String lower = name.toLowerCase();
        Path dir = java.resolve(lower);
        String pkg = PACKAGE + "." + lower;
        write(dir.resolve(name + ".java"), """
                package %1$s;

                import %3$s.Status;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                import java.math.BigDecimal;
                import java.time.Instant;

                @Entity
                @Table(name = "%2$s", indexes = @Index(columnList = "email"))
                public class %4$s {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    @NotBlank @Size(max = 120)
                    private String name;
                    @Email @Size(max = 200)
                    private String email;
                    @PositiveOrZero
                    private BigDecimal amount = BigDecimal.ZERO;
                    @Enumerated(EnumType.STRING)
                    private Status status = Status.NEW;
                    private Instant createdAt = Instant.now();
                    @Version
                    private long version;

                    protected %4$s() {
                    }

                    public %4$s(String name, String email, BigDecimal amount) {
                        this.name = name;
                        this.email = email;
                        this.amount = amount;
                    }

                    public Long getId() { return id; }
                    public String getName() { return name; }
                    public void setName(String name) { this.name = name; }
                    public String getEmail() { return email; }
                    public void setEmail(String email) { this.email = email; }
                    public BigDecimal getAmount() { return amount; }
                    public void setAmount(BigDecimal amount) { this.amount = amount; }
                    public Status getStatus() { return status; }
                    public void setStatus(Status status) { this.status = status; }
                    public Instant getCreatedAt() { return createdAt; }
                }
                """.formatted(pkg, lower + "_table", PACKAGE, name));
        write(dir.resolve(name + "Repository.java"), """
                package %1$s;

                import %3$s.Status;
                import java.util.List;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                import org.springframework.data.repository.query.Param;

                public interface %2$sRepository extends JpaRepository<%2$s, Long> {
                    List<%2$s> findByNameContainingIgnoreCaseOrderByCreatedAtDesc(String name);
                    Page<%2$s> findByStatus(Status status, Pageable pageable);
                    long countByStatus(Status status);
                    List<%2$s> findTop5ByOrderByAmountDesc();
                    @Query("select e from %2$s e where e.email = :email")
                    List<%2$s> withEmail(@Param("email") String email);
                }
                """.formatted(pkg, name, PACKAGE));
        write(dir.resolve(name + "Form.java"), """
                package %1$s;

                import jakarta.validation.constraints.*;
                import java.math.BigDecimal;

                public record %2$sForm(
                        @NotBlank @Size(max = 120) String name,
                        @NotBlank @Email String email,
                        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal amount) {
                    public static %2$sForm empty() {
                        return new %2$sForm("", "", BigDecimal.ZERO);
                    }
                }
                """.formatted(pkg, name));
        write(dir.resolve(name + "Service.java"), """
                package %1$s;

                import %3$s.Status;
                import java.util.List;
                import org.springframework.cache.annotation.CacheEvict;
                import org.springframework.cache.annotation.Cacheable;
                import org.springframework.data.domain.PageRequest;
                import org.springframework.stereotype.Service;
                import org.springframework.transaction.annotation.Transactional;

                @Service
                @Transactional(readOnly = true)
                public class %2$sService {
                    private final %2$sRepository repository;

                    public %2$sService(%2$sRepository repository) {
                        this.repository = repository;
                    }

                    @Cacheable("%4$s-top")
                    public List<%2$s> top() {
                        return repository.findTop5ByOrderByAmountDesc();
                    }

                    public List<%2$s> search(String name) {
                        return repository.findByNameContainingIgnoreCaseOrderByCreatedAtDesc(name == null ? "" : name);
                    }

                    public List<%2$s> active() {
                        return repository.findByStatus(Status.ACTIVE, PageRequest.of(0, 20)).getContent();
                    }

                    public long count() {
                        return repository.count();
                    }

                    @Transactional
                    @CacheEvict(value = "%4$s-top", allEntries = true)
                    public %2$s create(%2$sForm form) {
                        return repository.save(new %2$s(form.name(), form.email(), form.amount()));
                    }
                }
                """.formatted(pkg, name, PACKAGE, name.toLowerCase()));
        write(dir.resolve(name + "Controller.java"), """
                package %1$s;

                import jakarta.validation.Valid;
                import org.springframework.stereotype.Controller;
                import org.springframework.ui.Model;
                import org.springframework.validation.BindingResult;
                import org.springframework.web.bind.annotation.*;

                @Controller
                @RequestMapping("/%3$s")
                public class %2$sController {
                    private final %2$sService service;

                    public %2$sController(%2$sService service) {
                        this.service = service;
                    }

                    @GetMapping
                    public String list(@RequestParam(required = false) String q, Model model) {
                        model.addAttribute("items", service.search(q));
                        model.addAttribute("top", service.top());
                        return "%3$s/list";
                    }

                    @GetMapping("/new")
                    public String form(Model model) {
                        model.addAttribute("form", %2$sForm.empty());
                        return "%3$s/form";
                    }

                    @PostMapping
                    public String create(@Valid @ModelAttribute("form") %2$sForm form, BindingResult errors) {
                        if (errors.hasErrors()) {
                            return "%3$s/form";
                        }
                        service.create(form);
                        return "redirect:/%3$s";
                    }
                }
                """.formatted(pkg, name, lower));
        write(dir.resolve(name + "ApiController.java"), """
                package %1$s;

                import java.math.BigDecimal;
                import java.util.List;
                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/api/%3$s")
                public class %2$sApiController {
                    public record Item(Long id, String name, BigDecimal amount, String status) {
                    }

                    private final %2$sService service;

                    public %2$sApiController(%2$sService service) {
                        this.service = service;
                    }

                    @GetMapping
                    public List<Item> list() {
                        return service.active().stream()
                                .map(e -> new Item(e.getId(), e.getName(), e.getAmount(), e.getStatus().name()))
                                .toList();
                    }

                    @GetMapping("/count")
                    public long count() {
                        return service.count();
                    }
                }
                """.formatted(pkg, name, lower));
        write(templates.resolve(lower + "/list.html"), """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <head th:replace="~{fragments/layout :: head('%1$s')}"></head>
                <body>
                <nav th:replace="~{fragments/layout :: nav}"></nav>
                <h1>%1$s</h1>
                <table>
                  <tr th:each="item : ${items}"><td th:text="${item.name}"></td><td th:text="${#numbers.formatDecimal(item.amount, 1, 2)}"></td><td th:text="${item.status}"></td></tr>
                </table>
                <h2>Top</h2>
                <ul><li th:each="item : ${top}" th:text="${item.name}"></li></ul>
                <a th:href="@{/%2$s/new}">New</a>
                </body>
                </html>
                """.formatted(name, lower));
        write(templates.resolve(lower + "/form.html"), """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <head th:replace="~{fragments/layout :: head('New %1$s')}"></head>
                <body>
                <form th:action="@{/%2$s}" th:object="${form}" method="post">
                  <input th:field="*{name}"/><span th:if="${#fields.hasErrors('name')}" th:errors="*{name}"></span>
                  <input th:field="*{email}"/><span th:if="${#fields.hasErrors('email')}" th:errors="*{email}"></span>
                  <input th:field="*{amount}"/><span th:if="${#fields.hasErrors('amount')}" th:errors="*{amount}"></span>
                  <button type="submit">Save</button>
                </form>
                </body>
                </html>
                """.formatted(name, lower));
    }

    private static String application() {
        return """
                package %s;

                import org.springframework.boot.SpringApplication;
                import org.springframework.boot.autoconfigure.SpringBootApplication;
                import org.springframework.cache.annotation.EnableCaching;

                @SpringBootApplication
                @EnableCaching
                public class LargeApplication {
                    public static void main(String[] args) {
                        SpringApplication.run(LargeApplication.class, args);
                    }
                }
                """.formatted(PACKAGE);
    }

    private static String home(List<String> names) {
        StringBuilder fields = new StringBuilder();
        StringBuilder params = new StringBuilder();
        StringBuilder assigns = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        for (String name : names) {
            String lower = name.toLowerCase();
            fields.append("    private final ").append(PACKAGE).append('.').append(lower).append('.').append(name).append("Service ").append(lower).append(";\n");
            params.append(params.length() == 0 ? "" : ", ").append(PACKAGE).append('.').append(lower).append('.').append(name).append("Service ").append(lower);
            assigns.append("        this.").append(lower).append(" = ").append(lower).append(";\n");
            rows.append("        rows.add(new Row(\"").append(name).append("\", \"/").append(lower).append("\", ")
                    .append(lower).append(".count(), ").append(lower).append(".top().size()));\n");
        }
        return """
                package %s;

                import java.util.ArrayList;
                import java.util.List;
                import org.springframework.stereotype.Controller;
                import org.springframework.ui.Model;
                import org.springframework.web.bind.annotation.GetMapping;

                /** The first page the benchmark asks for: every repository queried, one template rendered. */
                @Controller
                public class HomeController {
                    public record Row(String name, String path, long count, int top) {
                    }

                %s
                    public HomeController(%s) {
                %s    }

                    @GetMapping("/")
                    public String index(Model model) {
                        List<Row> rows = new ArrayList<>();
                %s        model.addAttribute("rows", rows);
                        return "index";
                    }
                }
                """.formatted(PACKAGE, fields, params, assigns, rows);
    }

    private static String signupForm() {
        return """
                package %s;

                import jakarta.validation.constraints.*;

                public record SignupForm(@NotBlank @Email String email, @NotBlank @Size(max = 80) String name, @Size(min = 8) String password) {
                }
                """.formatted(PACKAGE);
    }

    private static String signupController() {
        return """
                package %s;

                import jakarta.validation.Valid;
                import org.springframework.stereotype.Controller;
                import org.springframework.ui.Model;
                import org.springframework.validation.BindingResult;
                import org.springframework.web.bind.annotation.*;

                @Controller
                public class SignupController {
                    @GetMapping("/signup")
                    public String form(Model model) {
                        model.addAttribute("form", new SignupForm("", "", ""));
                        return "signup";
                    }

                    @PostMapping("/signup")
                    public String signup(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors) {
                        return errors.hasErrors() ? "signup" : "redirect:/";
                    }
                }
                """.formatted(PACKAGE);
    }

    private static String seed(List<String> names) {
        StringBuilder inserts = new StringBuilder();
        for (String name : names) {
            String lower = name.toLowerCase();
            inserts.append("        for (int i = 0; i < 3; i++) {\n")
                    .append("            ").append(lower).append(".save(new ").append(PACKAGE).append('.').append(lower).append('.').append(name)
                    .append("(\"").append(name).append(" \" + i, \"").append(lower).append("\" + i + \"@example.com\", BigDecimal.valueOf(i * 10L)));\n")
                    .append("        }\n");
        }
        StringBuilder params = new StringBuilder();
        for (String name : names) {
            String lower = name.toLowerCase();
            params.append(params.length() == 0 ? "" : ", ").append(PACKAGE).append('.').append(lower).append('.').append(name).append("Repository ").append(lower);
        }
        return """
                package %s;

                import java.math.BigDecimal;
                import org.springframework.boot.ApplicationRunner;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;

                /** A few rows per table, inserted at start-up, so the first page has something to render. */
                @Configuration
                public class SeedData {
                    @Bean
                    ApplicationRunner seed(%s) {
                        return args -> {
                %s        };
                    }
                }
                """.formatted(PACKAGE, params, inserts.toString().indent(8));
    }

    private static String indexTemplate(List<String> names) {
        return """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <head th:replace="~{fragments/layout :: head('Back office')}"></head>
                <body>
                <nav th:replace="~{fragments/layout :: nav}"></nav>
                <h1>Back office</h1>
                <table>
                  <tr><th>Table</th><th>Rows</th><th>Top</th></tr>
                  <tr th:each="row : ${rows}">
                    <td><a th:href="@{${row.path}}" th:text="${row.name}"></a></td>
                    <td th:text="${row.count}"></td>
                    <td th:text="${row.top}"></td>
                  </tr>
                </table>
                <p th:text="${#temporals.format(#temporals.createNow(), 'yyyy-MM-dd')}"></p>
                </body>
                </html>
                """;
    }

    private static String signupTemplate() {
        return """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <head th:replace="~{fragments/layout :: head('Sign up')}"></head>
                <body>
                <form th:action="@{/signup}" th:object="${form}" method="post">
                  <input th:field="*{email}"/><input th:field="*{name}"/><input type="password" th:field="*{password}"/>
                  <button type="submit">Sign up</button>
                </form>
                </body>
                </html>
                """;
    }

    private static String layoutTemplate() {
        return """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <head th:fragment="head(title)"><meta charset="utf-8"/><title th:text="${title}">Title</title></head>
                <body>
                <nav th:fragment="nav"><a th:href="@{/}">Home</a> <a th:href="@{/signup}">Sign up</a> <a th:href="@{/actuator/health}">Health</a></nav>
                </body>
                </html>
                """;
    }

    private static String properties() {
        return """
                spring.application.name=large-app
                spring.main.banner-mode=off
                spring.jpa.open-in-view=false
                spring.jpa.hibernate.ddl-auto=create-drop
                spring.datasource.url=jdbc:h2:mem:large;DB_CLOSE_DELAY=-1
                spring.thymeleaf.cache=true
                management.endpoints.web.exposure.include=*
                management.endpoint.health.show-details=always
                logging.level.root=WARN
                logging.level.org.springframework.boot.web.embedded=INFO
                """;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file).equals(text)) {
            Files.writeString(file, text);
        }
    }
}
