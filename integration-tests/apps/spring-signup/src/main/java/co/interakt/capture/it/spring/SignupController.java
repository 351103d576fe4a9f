package co.interakt.capture.it.spring;

import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The server-rendered signup, Post/Redirect/Get: a form with errors is rendered again with 200,
 * a successful one redirects to the welcome page. Urlencoded and multipart posts bind alike.
 */
@Controller
public class SignupController {
    /** Addresses that already have an account. */
    private static final Set<String> REGISTERED = Set.of("taken@example.com");

    @GetMapping("/hello")
    @ResponseBody
    public String hello() {
        return "hello";
    }

    @GetMapping("/signup")
    public String form(Model model) {
        model.addAttribute("signupForm", new SignupForm());
        return "signup";
    }

    @PostMapping("/signup")
    public String signup(@Valid @ModelAttribute SignupForm signupForm, BindingResult result) {
        if (signupForm.getEmail() != null && REGISTERED.contains(signupForm.getEmail())) {
            result.rejectValue("email", "taken", "This email is already registered");
        }
        if (result.hasErrors()) {
            return "signup";
        }
        return "redirect:/welcome";
    }

    @GetMapping("/welcome")
    public String welcome() {
        return "welcome";
    }
}
