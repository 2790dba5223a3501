/**
 * The cross-authority role and rights concept: catalogue, roles, rights matrix, separation of duties, role
 * assignments, import of role catalogues and the compilation of a concept version into Fabric policies and ACLs.
 */
@NullMarked
package de.klammer.portal.concept;

import org.jspecify.annotations.NullMarked;
