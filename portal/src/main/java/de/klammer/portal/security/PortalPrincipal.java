package de.klammer.portal.security;

/** A Spring Security principal that carries the portal's view of the signed-in user. */
public interface PortalPrincipal {

    PortalUser portalUser();
}
