/**
 * In-process OpenID Connect provider with demo users for the {@code demo} profile and the tests.
 */
@NullMarked
package de.klammer.portal.security.demo;

import org.jspecify.annotations.NullMarked;
