package co.interakt.capture.it.spring;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.multipart.MultipartFile;

/** The signup form, bound with {@code @ModelAttribute} from an urlencoded or a multipart post. */
public class SignupForm {
    @NotBlank
    @Email
    private String email;
    @NotBlank
    private String name;
    private String city;
    @NotBlank
    private String password;
    /** Optional profile picture (multipart only). */
    private MultipartFile avatar;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public MultipartFile getAvatar() {
        return avatar;
    }

    public void setAvatar(MultipartFile avatar) {
        this.avatar = avatar;
    }
}
