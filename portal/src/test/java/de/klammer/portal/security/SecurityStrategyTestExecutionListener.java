package de.klammer.portal.security;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Installs the security context holder strategy of the test's application context before each test method. Vaadin
 * 25.2 gives each application context its own strategy, with its own thread-local, and makes it the global one when
 * the context starts. Without this listener, a test that reuses a cached context after another context started would
 * sign users in with {@link TestUsers} where that context's method security never looks.
 */
public class SecurityStrategyTestExecutionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        }
    }
}
