package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mirrors without connect-analyzer on the class path")
class MissingAnalyzerTest {

    /** Loads MirrorAnalyzer itself and hides connect-analyzer, as a test class path without the optional dependency. */
    private static final class WithoutAnalyzer extends ClassLoader {
        WithoutAnalyzer(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.connectstage.analysis.") || name.startsWith("io.connectstage.repository.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith(MirrorAnalyzer.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    @Test
    void isAClearErrorNamingTheDependency() throws Exception {
        Class<?> isolated = new WithoutAnalyzer(getClass().getClassLoader()).loadClass(MirrorAnalyzer.class.getName());
        Method of = isolated.getDeclaredMethod("of", Map.class);
        of.setAccessible(true);

        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> of.invoke(null, Map.of("git@github.com:acme/x.git", Path.of("/nowhere"))));

        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(cause.getMessage().contains("io.connectstage:connect-analyzer"), cause.getMessage());
    }
}
