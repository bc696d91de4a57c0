// The phone book an inbound SMS is matched with: people stored before the lookup hash existed get one at
// start-up (backfill), a number finds everyone with it on file, and the SMS conversation's id is no number.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { createSmsPhoneBookRepository } from '../../src/persistence/sms-phone-book-repository.ts';

describe('SMS phone book', () => {
  it('backfills the lookup hash, then finds people by number; the address is a hash', async ({ testDatabase }) => {
    const { database, cipher } = testDatabase;
    const db = database.prisma;
    await db.jobSeeker.createMany({ data: [
      { id: 'old', regionCode: '440802', phoneEnc: cipher.encrypt('13812345678'), phoneMask: '138****5678' },
      { id: 'new', regionCode: '440802', phoneEnc: cipher.encrypt('13912345678'), phoneHash: cipher.lookupHash('13912345678'), phoneMask: '139****5678' },
      { id: 'none', regionCode: '440802' },
    ] });
    const book = createSmsPhoneBookRepository(db, cipher);
    expect(await book.peopleWithPhone('13812345678')).toEqual([]);
    expect(await book.backfill()).toBe(1);
    expect(await book.backfill()).toBe(0);
    expect(await book.peopleWithPhone('13812345678')).toEqual(['old']);
    expect(await book.peopleWithPhone('13912345678')).toEqual(['new']);
    expect(await book.phoneOf('old')).toBe('13812345678');
    expect(book.addressOf('13812345678')).not.toContain('13812345678');
    expect(book.addressOf('13812345678')).toBe(book.addressOf('13812345678'));
  });
});
