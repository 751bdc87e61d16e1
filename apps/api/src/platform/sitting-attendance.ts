import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What the motion module needs to know about Assemblée sittings, answered by the meeting module
 * (which owns attendance). The meeting module depends on the motion module (agenda links, opening
 * and closing motions), so the motion module cannot import it back: it asks through this port,
 * which the meeting module fills at start-up ({@link SittingAttendance.register}).
 */
export interface SittingAttendanceSource {
  /** Users marked present (attendance) at a sitting, read in the caller's transaction. */
  presentUserIds(manager: EntityManager, meetingId: string): Promise<string[]>;
  /** Markdown sections (one per sitting of the space in [from, to)) joined to the procès-verbal. */
  minutesSections(spaceId: string, from: Date, to: Date): Promise<string[]>;
}

/** The registered {@link SittingAttendanceSource} (global, provided by the platform module). */
@Injectable()
export class SittingAttendance {
  private source: SittingAttendanceSource | null = null;

  /** Called once by the meeting module. */
  register(source: SittingAttendanceSource): void {
    this.source = source;
  }

  /** Present users of a sitting; [] when no meeting module is registered. */
  presentUserIds(manager: EntityManager, meetingId: string): Promise<string[]> {
    return this.source ? this.source.presentUserIds(manager, meetingId) : Promise.resolve([]);
  }

  /** Sittings' minutes of a space over [from, to); [] when no meeting module is registered. */
  minutesSections(spaceId: string, from: Date, to: Date): Promise<string[]> {
    return this.source ? this.source.minutesSections(spaceId, from, to) : Promise.resolve([]);
  }
}
